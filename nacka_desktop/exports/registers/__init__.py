"""Excel registers: the workbook writer and the registers of work environment and
delegation."""
