/**
 * Lab 01's checkpoint: besides the load run and startup (the harness's defaults: GET /health, GET /todos
 * and POST /ingest/v1 against lab 00's app in the same run), micro-benchmarks of the three pieces this lab
 * replaces, each measured as lab 00 does it and as this package does it (same task name, so the report
 * prints the ratio): a debug line while debug is off, validating a parsed 1 KB ingest body, and producing
 * the GET /todos body.
 */
import { createLogger, createTodoStore, seedTodos } from '@hotpath/api';
import { ingestFixture } from '@hotpath/api/fixtures';
import { IngestDto } from '@hotpath/baseline/dto/ingest';
import { TodoDto } from '@hotpath/baseline/dto/todo';
import { Logger } from '@hotpath/baseline/logger';
import { defineCheckpoint, type CheckpointSubject } from '@hotpath/harness';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TITLE = 'Measure the slim builder';
const parsedIngest = JSON.parse(ingestFixture('1k').text) as object;

/** Lab 00's way: an eager template-literal debug line, plainToInstance + validateSync, instanceToPlain. */
function lab00Tasks() {
  const log = new Logger('warn', () => {});
  const todos = seedTodos().map((todo) => new TodoDto(todo.id, todo.title, todo.isComplete));
  return {
    debugOff: (i: number) => log.debug(`Created todo ${i}: ${TITLE}`),
    validate: () => validateSync(plainToInstance(IngestDto, parsedIngest)),
    todosBody: () => JSON.stringify(instanceToPlain(todos)),
  };
}

/**
 * This package's way, from its own src/. A piece the learner has not written yet (its TODO throws) is left
 * out of the micro-benchmarks rather than failing the whole checkpoint: its row shows "–".
 */
async function slimTasks(subject: CheckpointSubject) {
  const src = (file: string) => import(pathToFileURL(join(subject.dir, 'src', file)).href);
  const { defineLogEvent } = await src('logger.ts');
  const { validateIngest } = await src('validate.ts');
  const { createTodoListCache } = await src('responses.ts');
  const log = createLogger({ logLevel: 'warn', logWrite: () => {} });
  const ready = (make: () => (i: number) => unknown) => {
    try {
      const fn = make();
      fn(0);
      return fn;
    } catch {
      return undefined;
    }
  };
  return {
    debugOff: ready(() => {
      const todoCreated = defineLogEvent('debug', 'todo created', 'id', 'title');
      return (i: number) => todoCreated(log, i, TITLE);
    }),
    validate: ready(() => () => validateIngest(parsedIngest)),
    todosBody: ready(() => {
      const list = createTodoListCache(createTodoStore());
      return () => list.body();
    }),
  };
}

export default defineCheckpoint(async (subject) => {
  const tasks = subject.key === 'baseline' ? lab00Tasks() : await slimTasks(subject);
  const micro = [
    { name: 'debug line while debug is off', fn: tasks.debugOff },
    { name: 'validate a parsed 1 KB ingest body', fn: tasks.validate },
    { name: 'GET /todos body (100 todos)', fn: tasks.todosBody },
  ];
  return { micro: micro.filter((task): task is { name: string; fn: (i: number) => unknown } => task.fn !== undefined) };
});
