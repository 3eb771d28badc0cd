"""The step-by-step assessment window: steps, questions, results, plan, decision."""
