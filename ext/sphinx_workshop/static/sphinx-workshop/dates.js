(() => {
  const now = Date.now();
  const past = (e) => now >= Date.parse(e.dataset.swPastAt);
  for (const e of document.querySelectorAll(".sw-date[data-sw-past-at]")) {
    const p = past(e);
    e.classList.toggle("sw-date-past", p);
    for (const c of e.querySelectorAll(".sw-date-past-cue")) c.hidden = !p;
  }
  for (const e of document.querySelectorAll(".sw-dates .sw-date-local")) e.hidden = false;
  for (const b of document.querySelectorAll(".sw-phase")) {
    let s = null;
    for (const c of b.querySelectorAll(".sw-phase-block[data-sw-past-at]"))
      if (past(c) === (c.dataset.swWhen === "after")) s = c;
    for (const c of b.querySelectorAll(".sw-phase-block")) c.hidden = c !== s;
  }
})();
