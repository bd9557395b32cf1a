import psycopg2

conn = psycopg2.connect("host=pg.internal dbname=app user=app password=FWEcXffEL40V1AqnkfFH sslmode=require")
