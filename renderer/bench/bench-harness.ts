import { openBenchLedger } from '../db/bench-api';

declare global {
  interface Window { fapiaoBench?: ReturnType<typeof openBenchLedger> }
}

window.fapiaoBench = openBenchLedger();
document.title = 'bench ready';
