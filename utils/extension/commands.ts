// Names shared by the manifest (wxt.config.ts), the background and the options page.
export const COMMAND_OPEN_CLEAN_VIEW = 'open-clean-view';
export const MENU_OPEN_CLEAN_VIEW = 'open-clean-view';
