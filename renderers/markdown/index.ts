// Markdown (GitHub-flavoured): the risk list, the flow table, the rule catalogue, the report, the diff comment, the diagram.
export { rulesMarkdown as catalogue, ruleMarkdown as rule } from './catalogue.js';
export { renderMermaidMarkdown as diagram } from './diagram.js';
export { diffMarkdown as diff, GITHUB_COMMENT_LIMIT } from './diff.js';
export { flowsMarkdown as flows } from './flows.js';
export { reportMarkdown as report } from './report.js';
export { threatsMarkdown as threats } from './threats.js';
