// The 长者模式 switch: turns the elder stylesheet on for every page of the
// site and remembers the choice. Without JavaScript the switch is a link to
// the page that explains the system settings that do the same.
(function () {
  "use strict";
  var key = "sunlight-elder";
  var css = document.getElementById("elder-css");
  function stored() { try { return localStorage.getItem(key) === "1"; } catch (e) { return false; } }
  function apply(on) {
    if (css) css.media = on ? "all" : "(prefers-contrast: more)";
    document.documentElement.classList.toggle("elder", on);
    var b = document.getElementById("elder-toggle");
    if (b) b.setAttribute("aria-pressed", on ? "true" : "false");
  }
  apply(stored());
  document.addEventListener("DOMContentLoaded", function () {
    var link = document.getElementById("elder-toggle");
    if (!link) return;
    link.setAttribute("role", "button");
    apply(stored());
    link.addEventListener("click", function (e) {
      e.preventDefault();
      var on = !stored();
      try { localStorage.setItem(key, on ? "1" : "0"); } catch (err) {}
      apply(on);
    });
  });
})();
