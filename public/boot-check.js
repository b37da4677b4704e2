// Loaded by index.html as a deferred classic script, before the app's module,
// so it listens before the app can fail. If the app does not start (its wasm
// cannot be fetched or compiled, or the browser has no WebAssembly), the
// prerendered first paint stays and would look like a working app that
// ignores every click: this shows the notice it carries instead. Once the app
// has started the first paint is gone, and so is the notice.
//
// The first paint is the embedded plan's. A page opened at another plan
// (`?plan=`) shows that it is loading instead, not the wrong plan.
(() => {
  if (/[?&]plan=/.test(location.search)) document.documentElement.classList.add('plan-elsewhere');
  const failed = () => {
    const notice = document.querySelector('#prerendered .boot-failed');
    if (notice) notice.hidden = false;
  };
  addEventListener('error', failed);
  addEventListener('unhandledrejection', failed);
})();
