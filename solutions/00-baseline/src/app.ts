/**
 * Lab 00 serves the naive baseline unchanged: the lab is about measuring it, not changing it.
 * The app itself lives once, in shared/baseline, because every checkpoint compares against it.
 */
export { createApp } from '@hotpath/baseline';
