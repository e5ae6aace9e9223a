"""The recruiter web app: server-rendered screens over the same services as the API."""
