/**
 * The app this lab ships: lab 04's finished app (the reference, from `#given`), unchanged. Lab 05 changes how
 * the server is built and started, not what it answers. Given code.
 */
export { createApp } from '#given';
