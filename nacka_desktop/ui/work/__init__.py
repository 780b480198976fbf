"""Work environment (arbetsmiljö): the distribution wizard, the return dialog, the task
catalogue, the Arbetsmiljö view and its actions (letters, registers)."""
