"""The interview question bank: questions from every template plus a tenant's own."""
