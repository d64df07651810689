// Cite this paper: a copy button in each entry's BibTeX disclosure (only on pages that hold one).
(() => {
  const words = document.currentScript.dataset;
  if (!navigator.clipboard) return; // no button where it could not work (an http:// page)
  for (const box of document.querySelectorAll("details.sw-papers-cite-this")) {
    const pre = box.querySelector("pre");
    if (!pre) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sw-papers-copy";
    button.textContent = words.copy;
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    button.onclick = () => navigator.clipboard.writeText(pre.textContent).then(
      () => { status.textContent = words.copied; },
      () => { status.textContent = words.failed; },
    );
    box.append(button, " ", status);
  }
})();
