/**
 * The only bridge between the sandboxed renderer and the main process. It exposes one method
 * per contract channel and two shell functions; `ipcRenderer` itself never reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { MENU_COMMANDS, type MenuCommand, type SaveTextFileRequest, type WorkbenchBridge } from '../../src-shared/bridge';
import { channels, type Transport } from '../../src-shared/contract';

const api = Object.fromEntries(
  channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as Transport;

const bridge: WorkbenchBridge = {
  api,
  saveTextFile: (request: SaveTextFileRequest) => ipcRenderer.invoke('shell:save-text-file', request),
  pickImportPaths: (kind) => ipcRenderer.invoke('shell:pick-import-paths', kind),
  pathForFile: (file) => webUtils.getPathForFile(file as File),
  listImportPaths: (paths) => ipcRenderer.invoke('shell:list-import-paths', paths),
  extractPaths: (paths) => ipcRenderer.invoke('shell:extract-paths', paths),
  onMenuCommand(listener) {
    const relay = (_event: IpcRendererEvent, command: unknown): void => {
      if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
    };
    ipcRenderer.on('menu:command', relay);
    return () => ipcRenderer.removeListener('menu:command', relay);
  },
};

contextBridge.exposeInMainWorld('workbench', bridge);
