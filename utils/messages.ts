// The one typed list of messages between content script, background and pages.
// Every message is validated on arrival (see the extension and security issues).
export {};
