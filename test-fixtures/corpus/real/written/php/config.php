<?php

return [
    'default' => env('DB_CONNECTION', 'pgsql'),
    'connections' => [
        'pgsql' => [
            'host' => env('DB_HOST', '127.0.0.1'),
            'username' => env('DB_USERNAME', 'forge'),
            'password' => env('DB_PASSWORD', ''),
        ],
    ],
    'mail' => [
        'password' => getenv('MAIL_PASSWORD'),
        'from' => ['address' => 'noreply@example.org'],
    ],
    'services' => [
        'stripe' => ['secret' => env('STRIPE_SECRET'), 'key' => env('STRIPE_KEY')],
        'token_ttl' => 3600,
    ],
];

final class TokenStore
{
    private array $tokens = [];

    public function __construct(private string $token, private string $secretKey)
    {
        $this->token = $token;
        $this->secretKey = $secretKey;
    }

    public function all(): array
    {
        $out = [];
        foreach ($this->tokens as $token => $expires) {
            $out[] = $token . ':' . $expires;
        }
        return $out;
    }

    public function header(string $appKey): string
    {
        $Password = "application:" . $appKey;
        return 'Basic ' . base64_encode($Password);
    }

    public function mailer(\PHPMailer\PHPMailer\PHPMailer $mail): void
    {
        $mail->Password = getenv('SMTP_PASSWORD');
        $mail->Username = getenv('SMTP_USER');
    }
}
