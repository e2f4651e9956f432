// The list of views, who sees each, and in what order they appear in the navigation.
import type { View } from './context.js';
import { renderAnalysis } from './views/analysis.js';
import { renderAudit } from './views/audit.js';
import { renderCases } from './views/cases.js';
import { renderPeople } from './views/people.js';
import { renderRedaction } from './views/redaction.js';
import { renderStatus } from './views/status.js';
import { renderTimeline } from './views/timeline.js';
import { renderTokens } from './views/tokens.js';
import { renderUpload } from './views/upload.js';

export const views: View[] = [
  { id: 'cases', title: 'Cases', roles: ['admin'], needsCase: false, render: renderCases },
  { id: 'status', title: 'Submissions', roles: ['chair', 'admin'], needsCase: true, render: renderStatus },
  { id: 'upload', title: 'Upload', roles: ['author', 'chair', 'admin'], needsCase: true, render: renderUpload },
  { id: 'tokens', title: 'Tokens', roles: ['chair', 'admin'], needsCase: true, render: renderTokens },
  { id: 'people', title: 'People', roles: ['chair', 'admin'], needsCase: true, render: renderPeople },
  {
    id: 'timeline',
    title: 'Combined chronology',
    roles: ['chair', 'admin', 'reader', 'author'],
    needsCase: true,
    authorsOnlyIfAllowed: true,
    render: renderTimeline,
  },
  { id: 'analysis', title: 'Contacts over time', roles: ['chair', 'admin', 'reader', 'author'], needsCase: true, render: renderAnalysis },
  { id: 'redaction', title: 'Redaction check', roles: ['chair', 'admin', 'reader'], needsCase: true, render: renderRedaction },
  { id: 'audit', title: 'Audit log', roles: ['chair', 'admin'], needsCase: true, render: renderAudit },
];
