// Excel workbooks: the report's tables (exceljs, loaded when a workbook is written).
export { reportXlsx as report } from './report.js';
