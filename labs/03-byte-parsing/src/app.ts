/** Lab 03's app: lab 02's, built over lab 03's route table (POST /ingest/v1 reads the body's bytes). */
import { appFactory } from '#given';
import { routes } from './routes.ts';

export const createApp = appFactory(routes);
