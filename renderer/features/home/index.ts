/** The home page (首页): today's work in tiles that open the lists behind them, and monthly charts. */
export { HomePage } from './HomePage';
