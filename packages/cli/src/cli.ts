// The `touchpoint` bin's entry: the process edge around `main`.
import { main } from './main.js';

process.exitCode = main(process.argv.slice(2));
