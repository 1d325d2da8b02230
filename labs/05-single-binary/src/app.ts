/**
 * The app this lab ships: lab 04's reference, unchanged. Lab 05 changes how the server is built and started,
 * not what it answers. Given code.
 */
export { createApp } from '@hotpath/solution-04-pooling';
