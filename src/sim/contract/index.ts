/**
 * The JSON contract: the plain data that crosses layers (sim -> worker ->
 * store -> ui) and leaves the program as the CLI's JSON.
 *
 * The rule: fields are added, never renamed or removed. Every field whose name
 * ends in `Ms` is a wall-clock timing; every other value is identical for
 * identical settings. Values are plain data (numbers, strings, booleans, null,
 * arrays and objects of those), so they cross the worker boundary by
 * structured clone.
 *
 * Owns: the types of the contract and the few constants that name its values.
 * Must not touch: anything else. The contract imports nothing at run time, and
 * types only from two leaves, src/sim/settings and src/sim/world/calendar;
 * neither of those imports the contract.
 */
export * from './compare';
export * from './drift';
export * from './ledger';
export * from './registry';
export * from './results';
export * from './roles';
