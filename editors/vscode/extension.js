// Starts `triage lsp` for rule files. The server does the work; this only wires it up.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("triage").get("path", "triage");
  const server = { command, args: ["lsp"] };
  client = new LanguageClient(
    "triage",
    "Triage rules",
    { run: server, debug: server },
    { documentSelector: [{ language: "triage" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
