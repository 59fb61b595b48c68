# UNTESTED: the machine this was written on has no container engine (docs/deploy.md#containers-untested-here).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    GUNICORN_BIND=0.0.0.0:8000 GUNICORN_WORKER_TMP_DIR=/dev/shm \
    STATIC_ROOT=/app/static MEDIA_ROOT=/app/media
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# collectstatic needs settings that load; these throwaway values never reach a running container.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && useradd --create-home cms && mkdir -p /app/media && chown cms /app/media
USER cms
EXPOSE 8000
CMD ["gunicorn", "cms.wsgi"]
