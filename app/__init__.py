"""MockExam (模考): timed mock exams from a Markdown question bank; identity read by packaging too."""

__version__ = "0.1.0"
APP_NAME = "MockExam"
APP_DISPLAY_NAME = "MockExam 模考"
APP_ID = "io.github.mockexam.MockExam"
ORG_NAME = "MockExam"
