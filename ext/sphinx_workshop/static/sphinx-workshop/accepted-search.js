// Accepted papers: the search and filter box of each index (described in accepted/search.py).
(() => {
  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  for (const form of document.querySelectorAll("form.sw-accepted-search")) {
    const lists = [...form.parentElement.querySelectorAll(":scope > ul.sw-accepted-list")];
    const items = lists.flatMap((ul) => [...ul.children]);
    const data = JSON.parse(form.querySelector("script").textContent);
    if (items.length !== data.length) continue;
    const texts = data.map((entry) => fold(entry[1]));
    const { q, group } = form.elements;
    const status = form.querySelector("[role=status]");
    const show = () => {
      const words = fold(q.value).split(/\s+/).filter(Boolean);
      const chosen = group ? group.value : "";
      let shown = 0;
      items.forEach((li, i) => {
        li.hidden = !((!chosen || data[i][0] === chosen) && words.every((w) => texts[i].includes(w)));
        shown += !li.hidden;
      });
      for (const ul of lists) {
        ul.hidden = [...ul.children].every((li) => li.hidden);
        const head = ul.previousElementSibling;
        if (head && head.matches(".sw-accepted-group")) head.hidden = ul.hidden;
      }
      status.textContent = form.dataset.status.replace("{shown}", shown).replace("{total}", items.length);
    };
    const update = () => {
      show();
      const url = new URL(location.href);
      const fields = [q, group].filter(Boolean);
      for (const field of fields) url.searchParams.delete(field.name);
      for (const field of fields) if (field.value) url.searchParams.append(field.name, field.value);
      history.replaceState(history.state, "", url);
    };
    const restore = () => {
      const params = new URLSearchParams(location.search);
      q.value = params.get("q") || "";
      if (group) {
        group.value = params.get("group") || "";
        if (group.selectedIndex < 0) group.value = "";
      }
      show();
    };
    q.addEventListener("input", update);
    if (group) group.addEventListener("change", update);
    q.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !q.value) return;
      q.value = "";
      update();
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    addEventListener("popstate", restore);
    addEventListener("pageshow", restore);
    restore();
    form.hidden = false;
  }
})();
