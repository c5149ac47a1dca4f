/*
 * Share buttons of an article: the phone's own share sheet (Zalo, Messenger…)
 * through the Web Share API, copy the link, print. Each button's list item
 * stays hidden where the browser cannot do what it offers; the Facebook link needs no script.
 */
(function () {
  "use strict";

  function init() {
    var box = document.querySelector("[data-share]");
    if (!box) { return; }
    var status = box.querySelector(".share-status");
    var native = box.querySelector("[data-share-native]");
    var copy = box.querySelector("[data-share-copy]");
    var print = box.querySelector("[data-share-print]");

    if (native && navigator.share) {
      native.parentNode.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({
          title: native.getAttribute("data-title"),
          url: native.getAttribute("data-url")
        }).catch(function () { /* the reader closed the share sheet */ });
      });
    }
    if (copy && navigator.clipboard) {
      copy.parentNode.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(copy.getAttribute("data-url")).then(function () {
          status.textContent = box.getAttribute("data-label-copied");
        });
      });
    }
    if (print && window.print) {
      print.parentNode.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
