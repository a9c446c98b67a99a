extension OutputStream: ByteSink {}
