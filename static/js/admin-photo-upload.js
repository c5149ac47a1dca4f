/**
 * The bulk upload of the gallery's photo chooser (news/admin_images.py) uses
 * again a photo that is already in the library. Once the upload has chosen
 * the photos and closed, the editor is told which ones, in the admin's
 * messages: one message for the whole batch.
 */
(() => {
  /** Titles of the reused photos, by file input (one input per opened chooser) */
  const batches = new WeakMap();

  $(document).on('fileuploaddone', '#fileupload', (event, data) => {
    let response;
    try {
      response = JSON.parse(data.result);
    } catch {
      return;
    }
    if (!response.reused) return;
    const titles = batches.get(event.currentTarget) || [];
    batches.set(event.currentTarget, titles);
    titles.push(`“${response.title}”`);
    const text = response.reused_summary
      .replace('%(count)s', titles.length)
      .replace('%(photos)s', titles.join(', '));
    document.dispatchEvent(
      new CustomEvent('w-messages:add', {
        detail: { clear: true, text, type: 'warning' },
      }),
    );
  });
})();
