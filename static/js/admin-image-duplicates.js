/**
 * "Thêm nhiều ảnh" (the image library's bulk upload): for each photo already
 * in the library, Wagtail asks whether to keep the new copy or delete it, one
 * row at a time. One button answers for all of them: use the existing photos,
 * i.e. what Wagtail's "Delete new image" does, on every such row.
 */
(() => {
  const { reuseAllLabel } = document.currentScript.dataset;

  const start = () => {
    const list = document.getElementById('upload-list');
    if (!list || !document.getElementById('fileupload') || !window.jQuery) {
      return;
    }
    const bar = document.createElement('p');
    bar.hidden = true;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    bar.append(button);
    list.before(bar);

    const duplicates = () =>
      list.querySelectorAll('.upload-duplicate .confirm-duplicate-upload .delete');
    const update = () => {
      const count = duplicates().length;
      bar.hidden = count < 2;
      button.textContent = reuseAllLabel.replace('%(count)s', count);
    };
    // Wagtail's "Delete new image" for each row, one after the other.
    button.addEventListener('click', async () => {
      button.disabled = true;
      for (const link of duplicates()) {
        const row = link.closest('#upload-list > li');
        const response = await fetch(link.href, {
          method: 'POST',
          body: new FormData(link.closest('form')),
        });
        if (response.ok && (await response.json()).success) row.remove();
      }
      button.disabled = false;
      update();
    });
    // Wagtail adds a row's question once its upload is answered; a row leaves
    // when its question is answered.
    window.jQuery('#fileupload').on('fileuploaddone', () => setTimeout(update));
    list.addEventListener('click', () => setTimeout(update));
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
