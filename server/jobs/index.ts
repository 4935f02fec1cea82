/** Heavy HTTP work on worker threads: the runner, the jobs it runs, and how routes name their texts. */
export { JobRunner, JOB_DEFAULTS } from './runner.ts';
export type { JobRunnerOptions } from './runner.ts';
export { JOBS, runRedline, runExport, textOf } from './tasks.ts';
export type { JobName, JobInput, JobOutput, JobText, TextSource, RedlineJob, ExportJob, JobContext } from './tasks.ts';
export { jobText } from './texts.ts';
