import { builder } from './builder.js';

export const MonitorStateEnum = builder.enumType('MonitorState', {
  description: 'The status of a monitoring job, globally or in one region.',
  values: {
    UP: { value: 'up', description: 'The job’s rules pass.' },
    DOWN: { value: 'down', description: 'The job’s rules fail: the job is marked failed.' },
    PENDING: { value: 'pending', description: 'Neither up nor down yet, as NS1 reports it.' },
  } as const,
});
