import type { Messages } from '../messages.ts';
import type { statechart as zh } from '../zh/statechart.ts';

/** zh/statechart.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const statechart: Messages<typeof zh> = {
  guanai: {
    statechart: {
      title: 'Statechart',
      diagram: 'Case statechart: now at %{state}',
      names: {
        open: 'Open (may be suspended or closed)',
        working: 'Working steps (may go to the joint meeting)',
        'planning.drafting': 'Drafting the plan',
        'followUp.visiting': 'Follow-up visit',
      },
      history: 'back to step',
      always: 'automatic',
      legend: {
        current: 'Current stage',
        visited: 'Stages passed',
        taken: 'Transitions taken',
        next: 'Possible next',
      },
      anytime: 'Also possible at this stage (the stage stays): %{events}',
      path: 'Path so far',
      now: 'What you can do now',
      tasks: 'Open tasks of this case',
      openTask: 'Work on: %{kind}',
      nothing: 'Nothing for you to do on this case now',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      fit: 'Fit width',
      actual: 'Actual size',
      failed: 'The statechart could not be drawn',
    },
  },
};
