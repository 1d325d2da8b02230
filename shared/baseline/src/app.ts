/**
 * Lab 00's naive API, assembled the controller way: the full builder installs every middleware, the
 * container scans the decorated controllers and services, and the router mounts them with reflection.
 * `createApp()` returns the Hono app (its `fetch` serves requests) with the ingest sink attached.
 */
import 'reflect-metadata';
import { createBoundedSink, parseLogLevel, type AppOptions, type HotPathApp, type IngestSink } from '@hotpath/api';
import type { Hono } from 'hono';
import { Container } from './framework/container.ts';
import { createFullBuilder } from './framework/builder.ts';
import { Logger } from './framework/logger.ts';
import { mountControllers } from './framework/router.ts';
import { SinkRef } from './services/services.ts';
// Imported for their decorators: the container discovers what these modules declare.
import './controllers/controllers.ts';

export type BaselineApp = Hono & HotPathApp & { sink: IngestSink };

export function createApp(options: AppOptions = {}): BaselineApp {
  const log = new Logger(options.logLevel ?? parseLogLevel(process.env.LOG_LEVEL, 'warn'), options.logWrite ?? ((line) => process.stdout.write(line)));
  const sink = createBoundedSink(options.sinkCapacity);
  const container = new Container().scan().provide(Logger, log).provide(SinkRef, new SinkRef(sink));
  const app = createFullBuilder(log) as BaselineApp;
  mountControllers(app, container);
  app.sink = sink;
  return app;
}
