/**
 * Keeps an editor's work in the admin's edit forms (news/admin_unsaved.py).
 *
 * Wagtail's `w-unsaved` controller already compares the whole form every half
 * second (so photos added, moved or removed in a gallery count as changes),
 * autosaves the draft through `w-autosave`, and asks the browser to confirm
 * before the page unloads while a change is not saved. This script adds:
 *
 * 1. A dialog in Vietnamese, Wagtail's own dialog component, when an admin
 *    link (the side menu, the breadcrumbs, the header) would leave a form with
 *    unsaved changes; leaving from it skips the browser's second prompt.
 * 2. Edits made while an autosave was on its way stay unsaved: Wagtail marks
 *    the whole form as saved when the answer comes (`w-unsaved#clear`), also
 *    what changed after the autosave had read the form, so a gallery filled
 *    during the first autosave of an empty one was never saved and closing the
 *    tab gave no warning. The state that was sent becomes the reference again,
 *    and the change is autosaved in turn.
 * 3. A check of the login before the form is submitted: with an expired
 *    session the save would be answered by the login page and the form lost.
 *    Instead the form stays, a dialog asks the editor to log in again in a new
 *    tab and to save again (with the new CSRF token). A failed autosave runs
 *    the same check, so the editor learns of it while typing.
 */
const setUpUnsavedWork = () => {
  const form = document.querySelector(
    'form[data-edit-form][data-controller~="w-unsaved"]',
  );
  const config = document.getElementById('news-unsaved-work');
  if (!form || !config) return;

  const controller = (element, identifier) =>
    window.wagtail?.app?.getControllerForElementAndIdentifier(
      element,
      identifier,
    ) || null;
  const unsaved = () => controller(form, 'w-unsaved');
  const dialogElement = (id) => document.getElementById(id);
  const showDialog = (id) =>
    dialogElement(id)?.dispatchEvent(new CustomEvent('w-dialog:show'));
  const hideDialog = (id) =>
    dialogElement(id)?.dispatchEvent(new CustomEvent('w-dialog:hide'));

  /** Whether the form holds changes that are not saved, checked right now
   * rather than at Wagtail's next half-second check. */
  const hasUnsavedChanges = () => {
    const state = unsaved();
    if (!state || !state.confirmationValue) return false;
    state.check();
    return Boolean(state.hasEditsValue || state.hasCommentsValue);
  };

  // Wagtail's beforeunload handler reads the state of the last check; check
  // first (a capture listener on the target runs before the others).
  window.addEventListener('beforeunload', () => unsaved()?.check(), {
    capture: true,
  });

  // 1. Admin links that would leave the form.
  let leaveUrl = null;

  const leavesThePage = (link) => {
    if (link.target && link.target !== '_self') return false;
    if (link.hasAttribute('download')) return false;
    // Links inside dialogs and choosers are handled by their own scripts.
    if (link.closest('.modal, .w-dialog')) return false;
    const url = new URL(link.href, window.location.href);
    if (!['http:', 'https:'].includes(url.protocol)) return false;
    const here = new URL(window.location.href);
    return !(
      url.pathname === here.pathname &&
      url.search === here.search &&
      (url.hash || link.getAttribute('href').startsWith('#'))
    );
  };

  window.addEventListener(
    'click',
    (event) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      ) {
        return;
      }
      const link = event.target.closest?.('a[href]');
      if (!link || !leavesThePage(link) || !hasUnsavedChanges()) return;
      // Before the side menu's own handler, which navigates by script.
      event.preventDefault();
      event.stopImmediatePropagation();
      leaveUrl = link.href;
      const leave = dialogElement('news-leave-dialog')?.querySelector(
        '[data-news-leave="leave"]',
      );
      if (leave) leave.href = leaveUrl;
      showDialog('news-leave-dialog');
    },
    { capture: true },
  );

  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('[data-news-leave]');
    if (!button) return;
    event.preventDefault();
    hideDialog('news-leave-dialog');
    if (button.dataset.newsLeave !== 'leave' || !leaveUrl) return;
    // The editor has chosen to leave: Wagtail's own way (as its reload
    // action does) to skip the browser's confirmation.
    window.addEventListener(
      'w-unsaved:confirm',
      (confirm) => confirm.preventDefault(),
      { once: true },
    );
    window.location.assign(leaveUrl);
  });

  // 2. Edits made while an autosave was on its way.
  let sentFormData = null;

  form.addEventListener('w-autosave:save', () => {
    // Read the form as the autosave just did, in the controller's own terms.
    sentFormData = unsaved()?.formData ?? null;
  });

  // After the form's own `w-autosave:success->w-unsaved#clear`.
  document.addEventListener('w-autosave:success', (event) => {
    const state = unsaved();
    if (!state || sentFormData === null) return;
    const saved = new URLSearchParams(sentFormData);
    sentFormData = null;
    // The server's updates (ids of new inline rows) are part of what is saved.
    const updates = event.detail?.response?.field_updates || {};
    Object.entries(updates).forEach(([name, value]) => {
      if (saved.has(name)) saved.set(name, `${value}`);
    });
    const savedData = saved.toString();
    if (state.formData === savedData) return;
    state.initialFormData = savedData;
    state.previousFormData = savedData;
    state.check();
  });

  // 3. An expired session.
  let pendingSubmitter = null;
  let verified = false;
  let toldOfExpiry = false;

  const setCsrfToken = (token) => {
    if (!token) return;
    form.querySelectorAll('input[name="csrfmiddlewaretoken"]').forEach(
      (input) => {
        input.value = token;
      },
    );
    if (window.wagtailConfig) window.wagtailConfig.CSRF_TOKEN = token;
  };

  /** 'active', 'expired' or 'unknown' (no answer: the save may go on and
   * meet Wagtail's own network error handling). */
  const sessionState = async () => {
    try {
      const response = await fetch(config.dataset.sessionUrl, {
        cache: 'no-store',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        // The login check answers a redirect to the login page: not followed.
        redirect: 'manual',
      });
      if (response.type === 'opaqueredirect') return 'expired';
      if (!response.ok) {
        return [401, 403].includes(response.status) ? 'expired' : 'unknown';
      }
      const data = await response.json();
      if (!data.authenticated) return 'expired';
      setCsrfToken(data.csrf_token);
      toldOfExpiry = false;
      return 'active';
    } catch {
      return 'unknown';
    }
  };

  const showSessionDialog = () => {
    const note = dialogElement('news-session-dialog')?.querySelector(
      '[data-news-session="still-expired"]',
    );
    if (note) note.hidden = true;
    showDialog('news-session-dialog');
  };

  const submitAgain = (submitter) => {
    verified = true;
    try {
      if (submitter && submitter.form === form) {
        // Its progress spinner may have disabled the button meanwhile, and a
        // disabled button does not send its action (save, publish...).
        const { disabled } = submitter;
        submitter.disabled = false;
        form.requestSubmit(submitter);
        submitter.disabled = disabled;
      } else {
        form.requestSubmit();
      }
    } finally {
      verified = false;
    }
  };

  document.addEventListener(
    'submit',
    (event) => {
      if (event.target !== form || verified) return;
      // Held back until the login is checked; Wagtail's handlers run then.
      event.preventDefault();
      event.stopImmediatePropagation();
      const submitter = event.submitter || null;
      sessionState().then((state) => {
        if (state !== 'expired') {
          submitAgain(submitter);
          return;
        }
        if (submitter) controller(submitter, 'w-progress')?.deactivate();
        pendingSubmitter = submitter;
        showSessionDialog();
      });
    },
    { capture: true },
  );

  // An expired session answers the autosave with the login page, which Wagtail
  // reports as a server error. The editor is told once, not at every autosave
  // while typing on.
  document.addEventListener('w-autosave:error', (event) => {
    if (event.detail?.type !== 'server_error' || toldOfExpiry) return;
    sessionState().then((state) => {
      if (state !== 'expired' || toldOfExpiry) return;
      toldOfExpiry = true;
      showSessionDialog();
    });
  });

  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('[data-news-session="retry"]');
    if (!button) return;
    event.preventDefault();
    sessionState().then((state) => {
      if (state === 'expired') {
        const note = dialogElement('news-session-dialog')?.querySelector(
          '[data-news-session="still-expired"]',
        );
        if (note) note.hidden = false;
        return;
      }
      hideDialog('news-session-dialog');
      if (pendingSubmitter) {
        const submitter = pendingSubmitter;
        pendingSubmitter = null;
        submitAgain(submitter);
      } else {
        // The session ended during an autosave: autosave again now.
        unsaved()?.notify();
      }
    });
  });
};

// Wagtail's admin loads the editor's scripts before the form.
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', setUpUnsavedWork, {
    once: true,
  });
} else {
  setUpUnsavedWork();
}
