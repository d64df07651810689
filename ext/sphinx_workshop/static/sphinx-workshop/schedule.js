/* sphinx-workshop: schedule times in the visitor's, event's or UTC zone, via Intl. */
(() => {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const lang = document.documentElement.lang || undefined;
  const f = (l, timeZone, o) => new Intl.DateTimeFormat(l, { timeZone, ...o });
  for (const box of document.querySelectorAll(".sw-schedule[data-timezone]")) {
    const ev = box.dataset.timezone;
    const name = box.querySelector(".sw-schedule-zone-name");
    const orig = name.textContent;
    const bar = document.createElement("div");
    bar.className = "sw-schedule-tz";
    bar.role = "group";
    bar.ariaLabel = "Show times in";
    const show = (tz) => {
      const ymd = f("en-CA", tz, { year: "numeric", month: "2-digit", day: "2-digit" });
      const hm = f(lang, tz, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      const md = f(lang, tz, { month: "short", day: "numeric" });
      for (const t of box.querySelectorAll("time[datetime]")) {
        const d = new Date(t.getAttribute("datetime"));
        t.textContent = (ymd.format(d) === box.dataset.date ? "" : md.format(d) + ", ") + hm.format(d);
      }
      name.textContent = tz === ev ? orig : tz + (tz === here ? " (your time zone)" : "");
      for (const b of bar.children) b.ariaPressed = b.value === tz;
    };
    for (const [tz, label] of new Map([[here, "Your time"], [ev, "Event time"], ["UTC", "UTC"]])) {
      const b = bar.appendChild(document.createElement("button"));
      b.type = "button";
      b.value = tz;
      b.textContent = tz === "UTC" ? label : `${label} (${tz})`;
      b.onclick = () => show(tz);
    }
    name.parentNode.ariaLive = "polite";
    name.parentNode.after(bar);
    show(here);
  }
})();
