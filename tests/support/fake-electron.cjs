/**
 * A stand-in for the 'electron' module, for running the bundled main process under plain Node (no Electron
 * binary can be downloaded here). It records what the main process registers — protocol handlers, IPC
 * handlers, windows, menus, session guards — in `__fake`, so that tests can call them as Electron would.
 */
const { EventEmitter } = require('node:events');

const fake = {
  userData: null,
  privilegedSchemes: [],
  protocolHandlers: {},
  ipcHandlers: {},
  windows: [],
  menu: null,
  beforeRequest: null,
  permissionRequest: null,
  permissionCheck: null,
  recentDocuments: [],
  errors: [],
  loaded: [],
};

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  getPath: (name) => (name === 'userData' ? fake.userData : `${fake.userData}/../${name}`),
  getVersion: () => '0.0.0-test',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit: () => { fake.quit = true; },
  exit: (code) => { fake.exitCode = code; },
  addRecentDocument: (d) => fake.recentDocuments.push(d),
  clearRecentDocuments: () => { fake.recentDocuments = []; },
});

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.title = '';
    this.webContents = Object.assign(new EventEmitter(), {
      sent: [],
      send: (...args) => this.webContents.sent.push(args),
      setWindowOpenHandler: (handler) => { this.webContents.windowOpenHandler = handler; },
    });
    fake.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) { fake.loaded.push(url); return Promise.resolve(); }
  setTitle(title) { this.title = title; }
  show() {}
  focus() {}
  isMinimized() { return false; }
  restore() {}
  close() {}
}

module.exports = {
  __fake: fake,
  app,
  BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => fake.privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => { fake.protocolHandlers[scheme] = handler; },
  },
  session: {
    defaultSession: {
      webRequest: { onBeforeRequest: (filter, handler) => { fake.beforeRequest = { filter, handler }; } },
      setPermissionRequestHandler: (h) => { fake.permissionRequest = h; },
      setPermissionCheckHandler: (h) => { fake.permissionCheck = h; },
    },
  },
  ipcMain: { handle: (channel, handler) => { fake.ipcHandlers[channel] = handler; } },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu: (menu) => { fake.menu = menu; },
  },
  dialog: {
    showErrorBox: (title, message) => fake.errors.push(`${title}: ${message}`),
    showMessageBox: async () => ({ response: 0 }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
  },
};
