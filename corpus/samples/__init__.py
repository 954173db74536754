"""Sample submission documents: realistic DOCX/PDF authoring for tests and the sample-corpus generator. Must never import `extractors`."""  # noqa: E501
