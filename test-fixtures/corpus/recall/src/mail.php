<?php
$mail = new PHPMailer(true);
$mail->Host = 'smtp.internal.test';
$mail->Username = 'alerts';
$mail->Password = 'IsdVppB8rpQeNLJl';
