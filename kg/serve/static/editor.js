// The query editor of kg serve: YASGUI on this server's /sparql, with a list of the saved queries; each opens
// in its own tab. Nothing is kept in the browser's storage, so a reload shows the saved queries as they are.
(function () {
  "use strict";
  var endpoint = new URL("/sparql", window.location.href).href;
  var saved = JSON.parse(document.getElementById("saved-queries").textContent);
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    persistenceId: null,
    autoAddOnInit: false,
    populateFromUrl: false,
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    // completion from the query's own variables only: prefix and term completion would ask other servers
    yasqe: { autocompleters: ["variables"] }
  });
  function open(query, active) {
    var tab = yasgui.addTab(active, { name: query.name, yasqe: { value: query.text },
                                      requestConfig: { endpoint: endpoint } }, { avoidDuplicateTabs: true });
    if (active) { yasgui.selectTabId(tab.getId()); }
    return tab;
  }
  if (saved.length) { open(saved[0], true); }
  document.querySelectorAll("button.saved-query").forEach(function (button) {
    button.addEventListener("click", function () { open(saved[Number(button.dataset.index)], true); });
  });
  window.kgEditor = yasgui;
})();
