/**
 * Lab 00's checkpoint: besides the load run and startup (the harness's defaults), micro-benchmarks of the
 * pieces a baseline request is made of — reflection-based mapping next to the plain JSON calls it wraps —
 * and of the debug line you measured in step 2, eager and guarded (yours, from this package's src).
 */
import { seedTodos } from '@hotpath/api';
import { ingestFixture } from '@hotpath/api/fixtures';
import { IngestDto } from '@hotpath/baseline/dto/ingest';
import { TodoDto } from '@hotpath/baseline/dto/todo';
import { Logger } from '@hotpath/baseline/logger';
import { defineCheckpoint } from '@hotpath/harness';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export default defineCheckpoint(async (subject) => {
  const todos = seedTodos().map((todo) => new TodoDto(todo.id, todo.title, todo.isComplete));
  const body = ingestFixture('1k').text;
  const { debugLineOps } = await import(pathToFileURL(join(subject.dir, 'src/measure/debug-line.ts')).href);
  const debugLine = debugLineOps(new Logger('warn', () => {}));
  return {
    micro: [
      { name: '100 todos: JSON.stringify', fn: () => JSON.stringify(todos) },
      { name: '100 todos: instanceToPlain + JSON.stringify', fn: () => JSON.stringify(instanceToPlain(todos)) },
      { name: 'ingest 1 KB: JSON.parse', fn: () => JSON.parse(body) },
      {
        name: 'ingest 1 KB: JSON.parse + plainToInstance + validateSync',
        fn: () => validateSync(plainToInstance(IngestDto, JSON.parse(body) as object)),
      },
      { name: 'debug line, debug off: eager', fn: debugLine.eager },
      { name: 'debug line, debug off: guarded', fn: debugLine.guarded },
    ],
  };
});
