/** The planted shortcut's app (see serializers.ts here): every request answers a Todo serialized by it. */
import type { AppOptions, HotPathApp } from '@hotpath/api';
import { createBoundedSink } from '@hotpath/api';
import { serializeTodo } from './serializers.ts';

export function createApp(_options?: AppOptions): HotPathApp {
  return { sink: createBoundedSink(), fetch: () => new Response(serializeTodo({ id: 1, title: 'planted', isComplete: false })) };
}
