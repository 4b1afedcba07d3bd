// A worker thread does not inherit the TypeScript loader on Node 20: register it, then load the thread.
import { register } from 'tsx/esm/api';

register();
await import('./readerThread.ts');
