CREATE TABLE users (id uuid primary key, email text, password_hash text);
INSERT INTO users VALUES ('7d9f1c2e-4b6a-4f1e-9a3b-2c8d5e6f7a1b', 'ops@corp.test', '$argon2id$v=19$m=65536,t=3,p=4$KHzuINEPfuEjdT6v1saQPQ$0KkKJ/JfukPuMbYh7vLZO4DmI1ae/g8Ika1z//gacxw');
INSERT INTO users VALUES ('1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d', 'dev@corp.test', '$2b$12$XnQFEnTOQDH1sDce4hmXgenhM1T7EC1tcLvLuDtFGJ5Ar6flrI2NQ');
