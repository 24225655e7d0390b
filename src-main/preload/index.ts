/**
 * The only bridge between the sandboxed renderer and the main process: one typed method per
 * contract channel and per page-facing shell channel (see ./bridge.ts); `ipcRenderer` itself
 * never reaches the page. It also watches for real drops, whose paths the main process may read.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge, watchDrops, type DropTarget } from './bridge';

const pathForFile = (file: never): string => webUtils.getPathForFile(file);

// In the sandboxed preload, globalThis is this isolated world's view of the page's window.
watchDrops(globalThis as unknown as DropTarget, ipcRenderer, pathForFile);
contextBridge.exposeInMainWorld('workbench', createBridge(ipcRenderer, pathForFile));
