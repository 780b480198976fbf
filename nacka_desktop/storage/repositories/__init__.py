"""Reading records from the database: the organisation, work environment and delegation."""
