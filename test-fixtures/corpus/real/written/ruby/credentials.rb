# frozen_string_literal: true

module Billing
  class Client
    DEFAULTS = {
      api_key: ENV.fetch("BILLING_API_KEY", nil),
      :secret_token => Rails.application.credentials.dig(:billing, :secret_token),
      "password" => ENV["BILLING_PASSWORD"],
      token_ttl: 3600
    }.freeze

    def initialize(api_key: DEFAULTS[:api_key], secret_token: DEFAULTS[:secret_token])
      @api_key = api_key
      @secret_token = secret_token
    end

    def tokens
      @tokens ||= fetch_tokens.map { |token| token.strip }.reject(&:empty?)
    end

    def signer
      ->(token) { OpenSSL::HMAC.hexdigest("SHA256", @secret_token, token) }
    end

    def auth_header
      "Bearer #{@api_key}"
    end
  end
end
