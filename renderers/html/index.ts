// HTML: the report for the medical institution, and the workshop page.
export { reportHtml as report } from './report.js';
export { workshopPage as workshop } from './workshop.js';
