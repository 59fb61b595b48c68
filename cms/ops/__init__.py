"""Operations: health endpoint, JSON logging, security headers, client IP for login throttling."""
