/*
 * Photo galleries: a lightbox over the grid of thumbnails.
 *
 * Without JavaScript every thumbnail is a plain link to the full photo. With it,
 * a click opens a modal <dialog>: the photo, its caption and "3 / 20", buttons
 * for the previous and next photo, the arrow keys, Escape to close, and a swipe
 * on touch screens. The modal dialog keeps focus inside while open; focus goes
 * back to the thumbnail that opened it. No inline script or style: the page's
 * Content-Security-Policy allows scripts from this site only.
 */
(function () {
  "use strict";

  var SWIPE_MIN = 40; // pixels a finger must travel to count as a swipe

  function text(root, name) {
    return root.getAttribute("data-label-" + name) || "";
  }

  function Lightbox(gallery) {
    this.gallery = gallery;
    this.links = Array.prototype.slice.call(
      gallery.querySelectorAll("a[data-gallery-item]")
    );
    this.index = 0;
    this.opener = null;
    this.build();
    this.bind();
  }

  Lightbox.prototype.build = function () {
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", text(this.gallery, "dialog"));
    dialog.innerHTML =
      '<div class="lightbox-frame">' +
      '<figure class="lightbox-figure">' +
      '<img class="lightbox-image" alt="">' +
      '<figcaption class="lightbox-caption">' +
      '<span class="lightbox-counter" aria-live="polite"></span> ' +
      '<span class="lightbox-text"></span>' +
      "</figcaption></figure>" +
      '<button type="button" class="lightbox-button lightbox-prev"></button>' +
      '<button type="button" class="lightbox-button lightbox-next"></button>' +
      '<button type="button" class="lightbox-button lightbox-close"></button>' +
      "</div>";
    this.dialog = dialog;
    this.image = dialog.querySelector(".lightbox-image");
    // A mouse drag on the photo is a swipe, not the browser's image drag.
    this.image.draggable = false;
    this.counter = dialog.querySelector(".lightbox-counter");
    this.caption = dialog.querySelector(".lightbox-text");
    this.prevButton = dialog.querySelector(".lightbox-prev");
    this.nextButton = dialog.querySelector(".lightbox-next");
    this.closeButton = dialog.querySelector(".lightbox-close");
    // Visible symbols, spoken labels.
    this.prevButton.textContent = "‹";
    this.nextButton.textContent = "›";
    this.closeButton.textContent = "×";
    this.prevButton.setAttribute("aria-label", text(this.gallery, "previous"));
    this.nextButton.setAttribute("aria-label", text(this.gallery, "next"));
    this.closeButton.setAttribute("aria-label", text(this.gallery, "close"));
    document.body.appendChild(dialog);
  };

  Lightbox.prototype.bind = function () {
    var self = this;
    this.links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
          return; // let "open in a new tab" work
        }
        event.preventDefault();
        self.open(index, link);
      });
    });
    this.prevButton.addEventListener("click", function () { self.move(-1); });
    this.nextButton.addEventListener("click", function () { self.move(1); });
    this.closeButton.addEventListener("click", function () { self.close(); });
    this.dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { event.preventDefault(); self.move(-1); }
      if (event.key === "ArrowRight") { event.preventDefault(); self.move(1); }
    });
    // Escape closes a modal dialog natively; put focus back where it was.
    this.dialog.addEventListener("close", function () { self.restoreFocus(); });
    // A click on the backdrop (outside the frame) closes.
    this.dialog.addEventListener("click", function (event) {
      if (event.target === self.dialog) { self.close(); }
    });
    var startX = null;
    var startY = null;
    this.dialog.addEventListener("pointerdown", function (event) {
      startX = event.clientX;
      startY = event.clientY;
    });
    this.dialog.addEventListener("pointerup", function (event) {
      if (startX === null) { return; }
      var dx = event.clientX - startX;
      var dy = event.clientY - startY;
      startX = startY = null;
      if (Math.abs(dx) >= SWIPE_MIN && Math.abs(dx) > Math.abs(dy)) {
        self.move(dx < 0 ? 1 : -1);
      }
    });
  };

  Lightbox.prototype.show = function (index) {
    var count = this.links.length;
    this.index = (index + count) % count;
    var link = this.links[this.index];
    var thumb = link.querySelector("img");
    this.image.src = link.getAttribute("href");
    this.image.alt = thumb ? thumb.getAttribute("alt") : "";
    if (link.getAttribute("data-width")) {
      this.image.width = parseInt(link.getAttribute("data-width"), 10);
      this.image.height = parseInt(link.getAttribute("data-height"), 10);
    }
    this.counter.textContent = this.index + 1 + " / " + count;
    this.caption.textContent = link.getAttribute("data-caption") || "";
    var single = count < 2;
    this.prevButton.hidden = single;
    this.nextButton.hidden = single;
  };

  Lightbox.prototype.open = function (index, opener) {
    this.opener = opener || document.activeElement;
    this.show(index);
    if (typeof this.dialog.showModal === "function") {
      this.dialog.showModal();
    } else {
      this.dialog.setAttribute("open", "");
    }
    document.documentElement.classList.add("lightbox-open");
    this.closeButton.focus();
  };

  Lightbox.prototype.move = function (step) {
    this.show(this.index + step);
  };

  Lightbox.prototype.close = function () {
    if (typeof this.dialog.close === "function") {
      this.dialog.close();
    } else {
      this.dialog.removeAttribute("open");
      this.restoreFocus();
    }
  };

  Lightbox.prototype.restoreFocus = function () {
    document.documentElement.classList.remove("lightbox-open");
    // The "close" event comes a moment after the dialog closed: if the reader
    // has already moved focus elsewhere (another thumbnail), leave it there.
    var active = document.activeElement;
    var moved = active && active !== document.body && !this.dialog.contains(active);
    if (moved && active !== this.opener) { return; }
    if (this.opener && typeof this.opener.focus === "function") {
      this.opener.focus();
    }
  };

  function init() {
    var galleries = document.querySelectorAll("[data-gallery]");
    Array.prototype.forEach.call(galleries, function (gallery) {
      if (gallery.querySelector("a[data-gallery-item]")) {
        new Lightbox(gallery);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
